import 'i18next';
import type { Messages } from './zh-CN';

// Typed `t()` keys: a misspelt key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
