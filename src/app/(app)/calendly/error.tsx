"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Your Calendly connection couldn't load");
