// "Recommended partners" for one profile or for a whole organisation, with the reasons in the
// viewer's language and the actions: express interest (the marketplace's EoI API), not relevant,
// already in contact. Reusable: the profile page and the organisation dashboard embed it.
import { MeetAtEvent } from '../events/MeetAtEvent.tsx';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MlText, useLang } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { PromptModal } from '../../app/PromptModal.tsx';
import { useMe } from '../../app/session.tsx';
import { useExpressInterest } from '../marketplace/api.ts';
import { countryName, matchingKeys, recommendationsQuery, useFeedback, type Recommendation } from './api.ts';

type Props = {
  /** Recommendations for this profile… */
  profileId?: string;
  /** …or, without profileId, for all profiles of this organisation. With profileId: the profile's organisation (enables actions for its members). */
  organisationId?: string;
  top?: number;
};

export function RecommendedPartners({ profileId, organisationId, top = 10 }: Props) {
  const { t } = useTranslation();
  const { me } = useMe();
  const lang = useLang();
  const q = useQuery(recommendationsQuery({ profileId, organisationId }, top, lang));
  const member = !!organisationId && !!me?.organisations.some((o) => o.id === organisationId);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const data = q.data!;
  if (!data.indexed) return <Alert color="gray">{t('matching:ui.not_published')}</Alert>;
  if (!data.items.length) return <Text c="dimmed">{t('matching:ui.none')}</Text>;
  return (
    <Stack gap="sm" data-testid="recommended-partners">
      {data.items.map((r) => <RecommendationCard key={r.profileId} r={r} ownOrganisationId={member ? organisationId! : null} lang={lang} />)}
    </Stack>
  );
}

function RecommendationCard({ r, ownOrganisationId, lang }: { r: Recommendation; ownOrganisationId: string | null; lang: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [interestOpen, setInterestOpen] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: matchingKeys.all });
  const feedback = useFeedback({ organisationId: ownOrganisationId, profileId: r.forProfileId, candidateProfileId: r.profileId },
    () => notifications.show({ message: t('matching:ui.feedback_saved') }));
  const interest = useExpressInterest(r.profileId);
  const sendInterest = async (message: string) => {
    await interest.mutateAsync({ message: message.trim() || t('matching:ui.interest_default'), organisationId: ownOrganisationId });
    setInterestOpen(false); notifications.show({ message: t('matching:ui.interest_sent') }); void refresh();
  };
  return (
    <Card withBorder padding="md" data-testid="recommendation">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text fw={600} component={Link} to={`/marketplace/profiles/${r.profileId}`}><MlText value={r.title} /></Text>
          <Group gap="xs">
            <Badge variant="light">{r.type}</Badge>
            <Text size="sm" c="dimmed">{t(`matching:ui.types.${r.type}`)} · {countryName(r.country, lang)}</Text>
            {r.organisation ? <Text size="sm"><MlText value={r.organisation.name} /></Text> : <Badge color="gray" variant="outline">{t('matching:ui.anonymous')}</Badge>}
          </Group>
        </Stack>
        <Badge size="lg" color="teal" variant="light">{t('matching:ui.score', { score: r.score })}</Badge>
      </Group>
      <Text size="sm" mt="xs" lineClamp={2}><MlText value={r.summary} /></Text>
      {r.reasons.length > 0 && (
        <Stack gap={2} mt="xs" component="ul" style={{ paddingInlineStart: 18, margin: 0 }}>
          {r.reasons.map((x, i) => <Text key={i} size="sm" component="li">{x.text}</Text>)}
        </Stack>
      )}
      {ownOrganisationId && (
        <Group gap="xs" mt="sm">
          <Button size="xs" onClick={() => setInterestOpen(true)}>{t('matching:ui.actions.express_interest')}</Button>
          {r.organisation && <MeetAtEvent organisationId={r.organisation.id} />}
          <Button size="xs" variant="default" loading={feedback.isPending && feedback.variables === 'not_relevant'} onClick={() => feedback.mutate('not_relevant')}>{t('matching:ui.actions.not_relevant')}</Button>
          <Button size="xs" variant="default" loading={feedback.isPending && feedback.variables === 'in_contact'} onClick={() => feedback.mutate('in_contact')}>{t('matching:ui.actions.in_contact')}</Button>
        </Group>
      )}
      {feedback.error && <ErrorAlert error={feedback.error} />}
      <PromptModal opened={interestOpen} onClose={() => setInterestOpen(false)} title={t('matching:ui.actions.express_interest')}
        label={t('matching:ui.interest_message')} placeholder={t('matching:ui.interest_default')} minRows={4} errorBelow
        cancelLabel={t('matching:ui.actions.cancel')} submitLabel={t('matching:ui.actions.send')} onSubmit={sendInterest} />
    </Card>
  );
}
