"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("This admin page couldn't load");
