"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Analytics couldn't load");
