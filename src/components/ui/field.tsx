import * as React from "react";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/** What a Field hands to its control so the label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

export interface FieldProps {
  label: React.ReactNode;
  /** The control: one element (it receives id / aria-* props) or a render function receiving them. */
  children:
    React.ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => React.ReactNode);
  /** Shown under the control while there is no error. */
  hint?: React.ReactNode;
  /** Marks the control invalid and is announced with it. */
  error?: React.ReactNode;
  /** Adds a discreet "(optional)"-free required marker and aria-required. */
  required?: boolean;
  /** The control id; generated when omitted. */
  id?: string;
  className?: string;
  /** Extra content on the label row, right-aligned (e.g. a "Forgot password?" link). */
  labelAside?: React.ReactNode;
}

export function Field({ label, children, hint, error, required, id, className, labelAside }: FieldProps) {
  const generatedId = React.useId();
  const controlId = id ?? `field-${generatedId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  const controlProps: FieldControlProps = {
    id: controlId,
    "aria-describedby": describedBy,
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };

  const control =
    typeof children === "function"
      ? children(controlProps)
      : React.cloneElement(children, { ...controlProps, ...stripUndefined(children.props) });

  return (
    <div className={cn("grid gap-1.5", className)}>
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={controlId}>
          {label}
          {required ? (
            <span aria-hidden="true" className="ml-0.5 text-danger">
              *
            </span>
          ) : null}
        </Label>
        {labelAside}
      </div>
      {control}
      {hint ? (
        <p id={hintId} className="text-[0.8125rem] text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-[0.8125rem] font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Keeps the field's wiring unless the control sets a prop explicitly. */
function stripUndefined<T extends object>(props: T): Partial<T> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as Partial<T>;
}
