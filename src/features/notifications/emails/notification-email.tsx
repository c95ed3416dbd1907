import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

/**
 * The one layout of Sessionly's emails: the product's teal, a heading, a few paragraphs, a details table (session
 * time in the recipient's zone, with the zone named), one action, and the unsubscribe / preferences footer.
 */
export interface NotificationEmailProps {
  preview: string;
  heading: string;
  paragraphs: string[];
  details: Array<{ label: string; value: string }>;
  action: { label: string; href: string } | null;
  footerNote: string;
  unsubscribeUrl: string;
  preferencesUrl: string;
}

const colors = { primary: "#19696f", text: "#1f2933", muted: "#5f6b76", border: "#e3e8ec", background: "#f5f7f8" };

export function NotificationEmail(props: NotificationEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: colors.background, fontFamily: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', sans-serif", color: colors.text, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: 560, margin: "0 auto", backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: 12, padding: "28px 32px" }}>
          <Text style={{ fontSize: 15, fontWeight: 700, color: colors.primary, margin: "0 0 20px" }}>Sessionly</Text>
          <Heading as="h1" style={{ fontSize: 21, lineHeight: "28px", margin: "0 0 12px", fontWeight: 600 }}>
            {props.heading}
          </Heading>
          {props.paragraphs.map((paragraph) => (
            <Text key={paragraph} style={{ fontSize: 15, lineHeight: "22px", margin: "0 0 12px" }}>
              {paragraph}
            </Text>
          ))}
          {props.details.length > 0 ? (
            <Section style={{ border: `1px solid ${colors.border}`, borderRadius: 8, padding: "4px 16px", margin: "16px 0" }}>
              {props.details.map((detail) => (
                <Text key={detail.label} style={{ fontSize: 14, lineHeight: "20px", margin: "10px 0" }}>
                  <span style={{ color: colors.muted }}>{detail.label}: </span>
                  <strong>{detail.value}</strong>
                </Text>
              ))}
            </Section>
          ) : null}
          {props.action ? (
            <Section style={{ margin: "20px 0 8px" }}>
              <Button href={props.action.href} style={{ backgroundColor: colors.primary, color: "#ffffff", borderRadius: 8, padding: "10px 18px", fontSize: 14, fontWeight: 600 }}>
                {props.action.label}
              </Button>
            </Section>
          ) : null}
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Text style={{ fontSize: 12, lineHeight: "18px", color: colors.muted, margin: 0 }}>
            {props.footerNote}{" "}
            <Link href={props.preferencesUrl} style={{ color: colors.primary }}>
              Email preferences
            </Link>{" "}
            ·{" "}
            <Link href={props.unsubscribeUrl} style={{ color: colors.primary }}>
              Unsubscribe
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
