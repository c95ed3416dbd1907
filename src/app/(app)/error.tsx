"use client";

import { segmentError } from "@/components/app/error-panel";

// One failing page shows this inside the shell; the sidebar and top bar stay usable.
export default segmentError("This page couldn't load");
