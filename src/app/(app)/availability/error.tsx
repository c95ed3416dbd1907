"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Your availability couldn't load");
