"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Your dashboard couldn't load");
