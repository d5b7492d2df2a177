/**
 * A typed dictionary per language and a hook to read it. Vietnamese is the default; the choice is remembered in
 * the browser so that a reload keeps it. English (with Ant Design's English texts) is a chunk of its own, loaded
 * when someone chooses it: nearly every user reads Vietnamese, and the first download is what every user pays.
 */
import type { Locale } from 'antd/es/locale';
import viVN from 'antd/locale/vi_VN';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Messages, vi } from './vi';

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

export interface LanguagePack {
  t: Messages;
  /** Ant Design's own texts (pagination, date pickers, empty tables) in the same language. */
  antdLocale: Locale;
}

const VIETNAMESE: LanguagePack = { t: vi, antdLocale: viVN };
const loadEnglish = () => import('./english').then((module) => module.english);
const STORAGE_KEY = 'antq.language';

interface I18nValue extends LanguagePack {
  language: Language;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nValue>({ language: 'vi', ...VIETNAMESE, setLanguage: () => {} });

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be blocked (private mode, strict policies): the default language is the right answer then.
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [initialLanguage] = useState(language);
  const [packs, setPacks] = useState<Partial<Record<Language, LanguagePack>>>({ vi: VIETNAMESE });

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across reloads, which is acceptable.
    }
  }, []);

  const pack = packs[language];
  useEffect(() => {
    if (pack) return;
    let cancelled = false;
    loadEnglish().then(
      (english) => {
        if (!cancelled) setPacks((previous) => ({ ...previous, en: english }));
      },
      () => {
        // The chunk could not be fetched (offline, a new build replaced it): Vietnamese stays.
        if (!cancelled) setLanguageState('vi');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [pack]);

  const shown: Language = pack ? language : 'vi';
  useEffect(() => {
    document.documentElement.lang = shown;
  }, [shown]);

  const value = useMemo(
    () => ({ language, ...(pack ?? VIETNAMESE), setLanguage }),
    [language, pack, setLanguage],
  );
  // Someone who chose English sees it from the first paint, not Vietnamese for a moment; after a switch the
  // previous language stays on screen until English has arrived.
  if (!pack && language === initialLanguage) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

export function useT(): Messages {
  return useContext(I18nContext).t;
}

/**
 * The dictionary of a lazily loaded feature (its own vi and en objects), in the current language: pages that
 * most visits never open keep their words out of the first download.
 */
export function useMessages<T>(dictionary: Readonly<Record<Language, T>>): T {
  return dictionary[useContext(I18nContext).language];
}
