// Organisers: published offers (TO/BO) and requests (TR/BR/RDR) per area and country.
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MlText, useLang } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { countryName, supplyDemandQuery } from './api.ts';

export function SupplyDemandTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useQuery(supplyDemandQuery);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data!;
  if (!d.cells.length) return <Text c="dimmed">{t('matching:ui.supply.empty')}</Text>;
  const cell = (area: string, country: string) => d.cells.find((c) => c.area === area && c.country === country);
  const total = (country: string, k: 'offers' | 'requests') => d.cells.filter((c) => c.country === country).reduce((s, c) => s + c[k], 0);
  const show = (n: { offers: number; requests: number } | undefined) => (n ? `${n.offers} / ${n.requests}` : '—');
  return (
    <>
      <Text size="sm" c="dimmed">{t('matching:ui.supply.hint')}</Text>
      <Table striped withTableBorder data-testid="supply-demand">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matching:ui.supply.area')}</Table.Th>
            {d.countries.map((c) => <Table.Th key={c}>{countryName(c, lang)} ({t('matching:ui.supply.offers')} / {t('matching:ui.supply.requests')})</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.areas.map((a) => (
            <Table.Tr key={a.code}>
              <Table.Td><MlText value={a.label} /></Table.Td>
              {d.countries.map((c) => <Table.Td key={c}>{show(cell(a.code, c))}</Table.Td>)}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={600}>{t('matching:ui.supply.total')}</Table.Td>
            {d.countries.map((c) => <Table.Td key={c} fw={600}>{`${total(c, 'offers')} / ${total(c, 'requests')}`}</Table.Td>)}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}
