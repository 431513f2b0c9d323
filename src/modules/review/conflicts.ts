// Conflicts of interest as one pure function over facts the other modules export. Every rule is hard (no
// assignment, no access) and names its reason, so the officer sees why an expert is excluded.
//
// Rules (N = the panel's conflict window in years, default 3):
//   same_organisation      the expert belongs (now, or in a past affiliation ending within N years) to an
//                          organisation of the consortium
//   own_application        the expert is a member of this application
//   competing_applicant    the expert is a member of another application in the same call
//   past_joint_application the expert was on an application (another call, submitted within N years) with
//                          an organisation or person of this consortium
//   interest               an accepted expression of interest within N years between the expert (as sender or
//                          responder, or through their organisation) and an organisation of the consortium
//   meeting                a meeting held within N years between the expert and a person or organisation of
//                          the consortium
//   park_group             the expert's organisation and a consortium organisation are residents of the same
//                          park group (the hook: `parkGroups`; the directory keeps no residency data yet)
//   declared               declared by the expert or by an applicant, with the reason given

export type ConflictCode = 'same_organisation' | 'own_application' | 'competing_applicant' | 'past_joint_application' | 'interest' | 'meeting' | 'park_group' | 'declared';
export type ConflictReason = { code: ConflictCode; params: Record<string, string> };

export type ExpertFacts = {
  id: string; // expert user id
  /** Current organisations (membership, the expert record's organisation). */
  organisationIds: string[];
  /** Past affiliations: organisation and end date (null: still there). */
  affiliations: { organisationId: string | null; to: Date | null }[];
};
export type ApplicationFacts = { id: string; callId: string; reference: string; organisationIds: string[]; memberUserIds: string[] };

export type ConflictFacts = {
  now: Date;
  years: number;
  experts: ExpertFacts[];
  /** Applications of the call under review. */
  applications: ApplicationFacts[];
  /** Applications of the experts in other calls (and this one), with when they were submitted. */
  pastApplications: { id: string; callId: string; submittedAt: Date; organisationIds: string[]; memberUserIds: string[] }[];
  interests: { id: string; fromOrganisationId: string; profileOrganisationId: string; fromUserId: string; respondedBy: string | null; respondedAt: Date }[];
  meetings: { id: string; at: Date; participants: { userId: string; organisationId: string | null }[] }[];
  /** organisation id → residency group (e.g. the Great Stone park); absent: no residency data. */
  parkGroups?: Map<string, string>;
  declared: { applicationId: string; expertId: string; declaredBy: 'expert' | 'applicant'; reason: string }[];
};

const yearsBefore = (now: Date, years: number) => { const d = new Date(now); d.setUTCFullYear(d.getUTCFullYear() - years); return d; };
const day = (d: Date) => d.toISOString().slice(0, 10);

/** applicationId → expertId → reasons (only conflicted pairs appear). */
export function findConflicts(f: ConflictFacts): Map<string, Map<string, ConflictReason[]>> {
  const since = yearsBefore(f.now, f.years);
  const out = new Map<string, Map<string, ConflictReason[]>>();
  const add = (app: string, expert: string, r: ConflictReason) => {
    let m = out.get(app);
    if (!m) out.set(app, (m = new Map()));
    const list = m.get(expert) ?? [];
    if (!list.some((x) => x.code === r.code && JSON.stringify(x.params) === JSON.stringify(r.params))) list.push(r);
    m.set(expert, list);
  };
  const membersInCall = new Map<string, string[]>(); // expert → applications of this call they are a member of
  for (const a of f.applications) for (const u of a.memberUserIds) membersInCall.set(u, [...(membersInCall.get(u) ?? []), a.reference]);

  for (const e of f.experts) {
    const orgsNow = new Set(e.organisationIds);
    const orgsWindow = new Set([...orgsNow, ...e.affiliations.filter((x) => x.organisationId && (x.to === null || x.to >= since)).map((x) => x.organisationId!)]);
    const own = membersInCall.get(e.id) ?? [];
    for (const a of f.applications) {
      const consortium = new Set(a.organisationIds);
      const people = new Set(a.memberUserIds);
      for (const o of a.organisationIds) if (orgsWindow.has(o)) add(a.id, e.id, { code: 'same_organisation', params: { organisation: o } });
      if (people.has(e.id)) add(a.id, e.id, { code: 'own_application', params: {} });
      else if (own.length) add(a.id, e.id, { code: 'competing_applicant', params: { references: own.join(', ') } });
      for (const p of f.pastApplications) {
        if (p.id === a.id || p.submittedAt < since || !p.memberUserIds.includes(e.id)) continue;
        const sharedOrg = p.organisationIds.find((o) => consortium.has(o) && !orgsNow.has(o));
        const sharedPerson = p.memberUserIds.find((u) => u !== e.id && people.has(u));
        if (sharedOrg || sharedPerson) add(a.id, e.id, { code: 'past_joint_application', params: { application: p.id, date: day(p.submittedAt), ...(sharedOrg ? { organisation: sharedOrg } : { person: sharedPerson! }) } });
      }
      for (const i of f.interests) {
        if (i.respondedAt < since) continue;
        const personally = i.fromUserId === e.id || i.respondedBy === e.id;
        const ends = [i.fromOrganisationId, i.profileOrganisationId];
        const expertEnd = ends.find((o) => orgsNow.has(o));
        if (!personally && !expertEnd) continue;
        const other = ends.find((o) => consortium.has(o) && o !== expertEnd);
        if (other) add(a.id, e.id, { code: 'interest', params: { organisation: other, date: day(i.respondedAt) } });
      }
      for (const m of f.meetings) {
        if (m.at < since || !m.participants.some((p) => p.userId === e.id)) continue;
        const other = m.participants.find((p) => p.userId !== e.id && (people.has(p.userId) || (p.organisationId && consortium.has(p.organisationId))));
        if (other) add(a.id, e.id, { code: 'meeting', params: { meeting: m.id, date: day(m.at), ...(other.organisationId ? { organisation: other.organisationId } : {}) } });
      }
      if (f.parkGroups) {
        for (const o of orgsNow) {
          const g = f.parkGroups.get(o);
          const peer = g ? a.organisationIds.find((c) => c !== o && f.parkGroups!.get(c) === g) : undefined;
          if (g && peer) add(a.id, e.id, { code: 'park_group', params: { group: g, organisation: peer } });
        }
      }
    }
  }
  const expertIds = new Set(f.experts.map((e) => e.id));
  const appIds = new Set(f.applications.map((a) => a.id));
  for (const d of f.declared) {
    if (expertIds.has(d.expertId) && appIds.has(d.applicationId)) add(d.applicationId, d.expertId, { code: 'declared', params: { by: d.declaredBy, reason: d.reason } });
  }
  return out;
}
