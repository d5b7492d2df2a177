/** English with Ant Design's English texts: the chunk loaded when a user chooses English (see index.tsx). */
import enUS from 'antd/locale/en_US';
import { en } from './en';
import type { LanguagePack } from './index';

export const english: LanguagePack = { t: en, antdLocale: enUS };
