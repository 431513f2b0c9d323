// "My organisations": the caller's organisations and a form to create one.
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page, ErrorAlert, RequireAuth } from '../../app/ui.tsx';
import { useLang } from '../../app/display.tsx';
import { useMe } from '../../app/session.tsx';
import { COUNTRY_CODES, countryOptions } from '@shared/countries.ts';
import { mlText, type Ml } from '@shared/languages.ts';
import { ORG_TYPES } from '@shared/enums.ts';
import { VerifiedBadge } from '../../components/badges.tsx';
import { myOrganisationsQuery, useCreateOrganisation } from './api.ts';

export function MyOrganisationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const mine = useQuery(myOrganisationsQuery);
  const create = useCreateOrganisation();
  const [name, setName] = useState<Ml>({});
  const { me } = useMe();
  // The new organisation's country defaults to the creator's own (a Chinese user gets China, not Belarus).
  const [country, setCountry] = useState<string | null>(me && (COUNTRY_CODES as readonly string[]).includes(me.country) ? me.country : null);
  const [type, setType] = useState<string | null>('enterprise');
  const [error, setError] = useState<unknown>(null);
  return (
    <RequireAuth>
      <Page title={t('directory:mine')}>
        {mine.data?.length === 0 && <Text c="dimmed" data-testid="no-organisations">{t('directory:noOrganisations')}</Text>}
        <Table><Table.Tbody>{mine.data?.map((o) => (
          <Table.Tr key={o.id}><Table.Td><Anchor component={Link} to={`/directory/organisations/${o.id}`}>{mlText(o.name, lang)}</Anchor></Table.Td><Table.Td>{t(`directory:role.${o.myRole}`)}</Table.Td><Table.Td><VerifiedBadge verified={o.verified} /></Table.Td></Table.Tr>
        ))}</Table.Tbody></Table>
        <Paper withBorder p="md"><Stack>
          <Title order={2} size="h4">{t('directory:create')}</Title>
          <ErrorAlert error={error} />
          <Group grow>{(['ru', 'zh', 'en'] as const).map((l) => <TextInput key={l} label={`${t('directory:name')} (${t(`common:languages.${l}`)})`} value={name[l] ?? ''} onChange={(e) => setName({ ...name, [l]: e.currentTarget.value })} />)}</Group>
          <Group grow>
            <Select label={t('market:filters.country')} searchable data={countryOptions(lang)} value={country} onChange={setCountry} allowDeselect={false}
              nothingFoundMessage={t('directory:noCountry')} data-testid="org-country" />
            <Select label={t('market:filters.orgType')} data={ORG_TYPES.map((x) => ({ value: x, label: t(`market:orgType.${x}`) }))} value={type} onChange={setType} allowDeselect={false} />
          </Group>
          <Group><Button loading={create.isPending} onClick={() => {
            setError(null);
            create.mutate({ name: Object.fromEntries(Object.entries(name).filter(([, v]) => v)) , country, type },
              { onSuccess: (r) => navigate(`/directory/organisations/${r.id}`), onError: setError });
          }}>{t('directory:createButton')}</Button></Group>
        </Stack></Paper>
      </Page>
    </RequireAuth>
  );
}
