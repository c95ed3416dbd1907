"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Settings couldn't load");
