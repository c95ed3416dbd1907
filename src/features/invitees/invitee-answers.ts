/**
 * Calendly's Q&A as the list shows it. Calendly sends every answer as one string and joins multi-select choices with
 * newlines, so the question's type (from the event type's custom questions) decides whether lines are choices or the
 * lines of one long answer.
 */
export type AnswerKind = "choices" | "text";

export interface InviteeAnswerDto {
  question: string;
  position: number;
  kind: AnswerKind;
  /** Choices (kind `choices`) or the answer's lines (kind `text`, rendered with its line breaks). */
  lines: string[];
}

interface QuestionDefinition {
  name?: unknown;
  type?: unknown;
}

export function toAnswerDtos(
  answers: ReadonlyArray<{ question: string; answer: string; position: number }>,
  customQuestions: readonly unknown[] | null,
): InviteeAnswerDto[] {
  const typeByQuestion = new Map<string, string>();
  for (const raw of customQuestions ?? []) {
    const question = raw as QuestionDefinition;
    if (typeof question?.name === "string" && typeof question.type === "string") typeByQuestion.set(question.name, question.type);
  }
  return [...answers]
    .sort((a, b) => a.position - b.position)
    .map((answer) => {
      const kind: AnswerKind = typeByQuestion.get(answer.question) === "multi_select" ? "choices" : "text";
      const lines = answer.answer.replace(/\r\n?/g, "\n").split("\n");
      return {
        question: answer.question,
        position: answer.position,
        kind,
        lines: kind === "choices" ? lines.map((line) => line.trim()).filter(Boolean) : trimBlankEdges(lines),
      };
    });
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return lines.slice(start, end);
}
