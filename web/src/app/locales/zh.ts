// Every namespace of locales/zh, bundled as one chunk that i18n.ts loads when the language is needed.
import { byNamespace } from './by-namespace.ts';

export default byNamespace(import.meta.glob('../../../../locales/zh/*.json', { eager: true, import: 'default' }));
