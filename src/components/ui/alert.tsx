import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cn } from "@/lib/utils";

const alertVariants = cva(
  "relative flex gap-3 rounded-lg border p-3.5 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        info: "border-info/25 bg-info-soft/60 text-foreground [&>svg]:text-info",
        success: "border-success/25 bg-success-soft/60 text-foreground [&>svg]:text-success",
        warning: "border-warning/30 bg-warning-soft/60 text-foreground [&>svg]:text-warning",
        danger: "border-danger/25 bg-danger-soft/60 text-foreground [&>svg]:text-danger",
        neutral: "bg-muted/50 text-foreground [&>svg]:text-muted-foreground",
      },
    },
    defaultVariants: { variant: "info" },
  },
);

const icons = { info: Info, success: CheckCircle2, warning: AlertTriangle, danger: XCircle, neutral: Info };

export interface AlertProps
  extends Omit<React.ComponentProps<"div">, "title">, VariantProps<typeof alertVariants> {
  title?: React.ReactNode;
  /** Replace the variant's icon, or pass `null` for none. */
  icon?: React.ReactNode;
  /** Extra actions on the right (buttons, links). */
  action?: React.ReactNode;
}

/**
 * A message box. Danger/warning use role="alert" so the message is announced when it appears;
 * the others use role="status".
 */
export function Alert({ className, variant, title, icon, action, children, role, ...props }: AlertProps) {
  const Icon = icons[variant ?? "info"];
  const announce = variant === "danger" || variant === "warning" ? "alert" : "status";
  return (
    <div role={role ?? announce} className={cn(alertVariants({ variant }), className)} {...props}>
      {icon === undefined ? <Icon aria-hidden="true" /> : icon}
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-medium leading-snug">{title}</p> : null}
        {children ? (
          <div className={cn("[&_p]:leading-relaxed", title ? "text-muted-foreground" : "text-foreground")}>
            {children}
          </div>
        ) : null}
      </div>
      {action ? <div className="flex shrink-0 items-start gap-2">{action}</div> : null}
    </div>
  );
}
