import { PageSkeleton } from "@/components/app/page-skeleton";

export default PageSkeleton;
