import type { InviteeAnswerDto } from "../invitee-answers";

/** Q&A answers: multi-select choices as a list, other answers with their own line breaks kept. */
export function InviteeAnswers({ answers }: { answers: InviteeAnswerDto[] }) {
  if (answers.length === 0) return <p className="text-sm text-muted-foreground">No answers to the booking questions.</p>;
  return (
    <dl className="grid gap-3 text-sm">
      {answers.map((answer) => (
        <div key={`${answer.position}-${answer.question}`} className="min-w-0">
          <dt className="font-medium text-foreground">{answer.question}</dt>
          <dd className="mt-0.5 text-muted-foreground">
            {answer.kind === "choices" ? (
              <ul className="list-disc space-y-0.5 pl-5">
                {answer.lines.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            ) : (
              <p className="whitespace-pre-line break-words">{answer.lines.join("\n")}</p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
