import { eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { meetings } from "~db/schema";

/** A meeting by id, or undefined. (The meetings capability grows from here.) */
export async function getMeeting(id: number) {
  return db.select().from(meetings).where(eq(meetings.id, id)).get();
}
