import { Building2, HelpCircle, MapPin, PhoneIncoming, PhoneOutgoing, Video, type LucideIcon } from "lucide-react";
import type { LocationKind } from "../location";

const ICONS: Record<LocationKind, LucideIcon> = {
  in_person: Building2,
  outbound_call: PhoneOutgoing,
  inbound_call: PhoneIncoming,
  zoom: Video,
  google_meet: Video,
  teams: Video,
  webex: Video,
  goto: Video,
  custom: MapPin,
  ask_invitee: HelpCircle,
  unknown: MapPin,
};

export function LocationIcon({ kind, className }: { kind: LocationKind; className?: string }) {
  const Icon = ICONS[kind];
  return <Icon aria-hidden="true" className={className ?? "size-4"} />;
}
