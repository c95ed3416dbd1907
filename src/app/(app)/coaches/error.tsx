"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Coaches couldn't load");
