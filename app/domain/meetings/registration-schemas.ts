import { z } from "zod";
import { REGISTRATION_FILTERS } from "./registration-rules";

// Forms of the registration panel and of the staff pages; messages are i18n catalogue keys.
const id = z.coerce.number({ message: "errors.invalid" }).int({ message: "errors.invalid" }).positive({ message: "errors.invalid" });

/** The panel: "self" registers in one's own name, a number for an organization. */
export const panelSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("register"),
      choice: z.union([z.literal("self"), id], { message: "errors.registrationChoice" }),
    }),
    z.object({ intent: z.literal("cancel"), registrationId: id }),
  ],
  { message: "errors.unknownIntent" },
);

export const staffRegistrationsSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("attendance"), registrationId: id, attended: z.enum(["yes", "no"], { message: "errors.invalid" }) }),
    z.object({ intent: z.literal("cancel"), registrationId: id }),
  ],
  { message: "errors.unknownIntent" },
);

export const invitationsSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("inviteAll") }),
    z.object({ intent: z.literal("invite"), organizationId: z.coerce.number({ message: "errors.organization" }).int().positive({ message: "errors.organization" }) }),
    z.object({ intent: z.literal("withdraw"), organizationId: id }),
  ],
  { message: "errors.unknownIntent" },
);

export const staffListQuery = z.object({
  filter: z.enum(REGISTRATION_FILTERS).catch("live"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
