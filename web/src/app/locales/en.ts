// Every namespace of locales/en, bundled as one chunk that i18n.ts loads when the language is needed.
import { byNamespace } from './by-namespace.ts';

export default byNamespace(import.meta.glob('../../../../locales/en/*.json', { eager: true, import: 'default' }));
