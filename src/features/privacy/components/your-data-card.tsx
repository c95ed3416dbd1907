"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download, Trash2 } from "lucide-react";
import { apiFetch, ApiRequestError } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SELF_ERASE_PHRASE } from "../erase-phrases";

/** "Your data" on the settings page: download everything Sessionly holds about you, or delete your account. */
export function YourDataCard() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [phrase, setPhrase] = useState("");
  const [cancelFuture, setCancelFuture] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function erase() {
    setBusy(true);
    setProblem(null);
    try {
      await apiFetch("/api/me/erase", { method: "POST", json: { confirmation: phrase, cancelFutureSessions: cancelFuture } });
      router.replace("/sign-in");
      router.refresh();
    } catch (failure) {
      setProblem(failure instanceof ApiRequestError ? failure.message : "Your account could not be deleted. Please try again.");
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Your data</CardTitle>
        <CardDescription>
          Download a copy of everything Sessionly holds about you, or delete your account. Passwords and connection secrets are never part of a download.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-3">
        <Button asChild variant="outline">
          <a href="/api/me/export" download>
            <Download aria-hidden="true" /> Download my data
          </a>
        </Button>
        <AlertDialog open={open} onOpenChange={(next) => { if (!busy) setOpen(next); }}>
          <AlertDialogTrigger asChild>
            <Button variant="destructive">
              <Trash2 aria-hidden="true" /> Delete my account
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Delete your account?</AlertDialogTitle>
              <AlertDialogDescription>
                Your name, email and answers are removed from Sessionly and you are signed out everywhere. Records of what happened stay,
                without your identity. This cannot be undone. Type “{SELF_ERASE_PHRASE}” to confirm.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <div className="flex items-center gap-2">
              <Checkbox id="erase-cancel-future-sessions" checked={cancelFuture} onCheckedChange={(value) => setCancelFuture(value === true)} />
              <Label htmlFor="erase-cancel-future-sessions">Cancel my upcoming sessions too</Label>
            </div>
            <Field label="Confirmation" error={problem ?? undefined}>
              <Input value={phrase} onChange={(event) => setPhrase(event.target.value)} autoComplete="off" />
            </Field>
            {problem ? <Alert variant="danger" title="Not deleted">{problem}</Alert> : null}
            <AlertDialogFooter>
              <AlertDialogCancel disabled={busy}>Keep my account</AlertDialogCancel>
              <AlertDialogAction
                variant="destructive"
                disabled={busy || phrase.trim().toLowerCase() !== SELF_ERASE_PHRASE}
                onClick={(event) => {
                  event.preventDefault();
                  void erase();
                }}
              >
                {busy ? "Deleting…" : "Delete my account"}
              </AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      </CardContent>
    </Card>
  );
}
