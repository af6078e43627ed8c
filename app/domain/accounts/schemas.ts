import { z } from "zod";
import { ROLES } from "~db/schema/enums";

// Shared by actions (server) and forms (browser); messages are i18n catalogue keys.
const email = z.string().trim().toLowerCase().pipe(z.email({ message: "errors.email" }).max(254, { message: "errors.email" }));
const newPassword = z.string().min(10, { message: "errors.password" }).max(200, { message: "errors.password" });

export const loginSchema = z.object({
  email: z.string().trim().min(1, { message: "errors.email" }).max(254, { message: "errors.email" }),
  password: z.string().min(1, { message: "errors.passwordRequired" }).max(200, { message: "errors.passwordRequired" }),
  redirectTo: z.string().optional(),
});

export const registerSchema = z
  .object({
    name: z.string().trim().min(2, { message: "errors.name" }).max(120, { message: "errors.name" }),
    email,
    password: newPassword,
    passwordConfirm: z.string(),
    privacy: z.literal("on", { message: "errors.privacy" }),
  })
  .refine((v) => v.password === v.passwordConfirm, { message: "errors.passwordMismatch", path: ["passwordConfirm"] });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: "errors.passwordRequired" }).max(200),
    newPassword,
    newPasswordConfirm: z.string(),
  })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { message: "errors.passwordMismatch", path: ["newPasswordConfirm"] });

export const membershipRequestSchema = z.object({
  organizationId: z.coerce.number({ message: "errors.organization" }).int({ message: "errors.organization" }).positive({ message: "errors.organization" }),
  position: z.string().trim().max(120, { message: "errors.tooLong" }).optional().default(""),
  message: z.string().trim().max(1000, { message: "errors.tooLong" }).optional().default(""),
});

export const membershipDecisionSchema = z.object({
  membershipId: z.coerce.number().int().positive(),
  decision: z.enum(["approved", "refused"], { message: "errors.unknownIntent" }),
  note: z.string().trim().max(500, { message: "errors.tooLong" }).optional().default(""),
});

export const deleteAccountSchema = z.object({
  confirm: z.string().trim().refine((v) => v.toUpperCase() === "ELIMINA", { message: "errors.confirmDelete" }),
});

export const changeRoleSchema = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLES, { message: "errors.role" }),
});

/** Only same-site paths may be a redirect target after log-in. */
export function safeRedirect(to: unknown, fallback = "/account"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
