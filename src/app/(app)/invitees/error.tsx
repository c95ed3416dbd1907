"use client";

import { segmentError } from "@/components/app/error-panel";

export default segmentError("Invitees couldn't load");
