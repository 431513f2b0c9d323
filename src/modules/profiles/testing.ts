// Helpers for API tests of the marketplace: demo organisation ids and a published profile in one call.
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/index.ts';
import type { Client, TestApp } from '../../testing/test-app.ts';

export async function orgId(t: TestApp, externalId: string): Promise<string> {
  const [o] = await t.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.externalId, externalId));
  return o.id;
}

export const sampleProfile = (organisationId: string, over: Record<string, unknown> = {}) => ({
  organisationId, type: 'TO', partnershipTypes: ['licensing'], developmentStage: 'lab_tested', trl: 5,
  title: { ru: 'Лазерная наплавка износостойких покрытий' }, summary: { ru: 'Технология лазерной наплавки для восстановления деталей машин.' },
  ...over,
});

/** Creates a profile as `owner`, submits it and has `organiser` approve it; returns its id. */
export async function publishedProfile(owner: Client, organiser: Client, body: Record<string, unknown>): Promise<string> {
  const r = await owner.post('/api/profiles', body);
  if (r.statusCode !== 201) throw new Error(`create failed ${r.statusCode} ${r.body}`);
  const id = r.json().id as string;
  const s = await owner.post(`/api/profiles/${id}/submit`);
  if (s.statusCode !== 200) throw new Error(`submit failed ${s.body}`);
  const a = await organiser.post(`/api/moderation/profiles/${id}/approve`, {});
  if (a.statusCode !== 200) throw new Error(`approve failed ${a.body}`);
  return id;
}

/** A multipart/form-data body with one file field named "file". */
export function multipart(filename: string, content: Buffer, mime = 'application/octet-stream') {
  const boundary = '----synergy' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Removes the demo profiles and expressions of interest so a test starts from a known marketplace. */
export async function clearDemoMarketplace(t: TestApp) {
  await t.deps.database.sql.query(`DELETE FROM profiles WHERE external_id LIKE 'demo-p-%'`);
  await t.deps.database.sql.query(`DELETE FROM organisation_contacts`);
}
