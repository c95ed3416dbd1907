"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("This session couldn't load");
