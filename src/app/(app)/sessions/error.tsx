"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Your sessions couldn't load");
