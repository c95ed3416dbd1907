"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("This realtor's details couldn't load");
