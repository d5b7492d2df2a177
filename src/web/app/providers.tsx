/**
 * Everything a page relies on: the language, Ant Design in that language (vi_VN by default), dayjs in the same
 * language for the date pickers, one TanStack Query client for server state, and the listener that turns a session
 * problem reported by any request into a trip to the login page.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api/client';
import { SessionEvents } from './auth/session';
import { I18nProvider, useI18n } from './i18n';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx answer (bad date, unknown id) will not change on retry; a dropped connection may.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

const appTheme = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#b71c1c', borderRadius: 6 },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
  },
};

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { antdLocale } = useI18n();
  // dayjs has one global locale; it must match the texts shown before any date picker below renders.
  dayjs.locale(antdLocale.locale === 'vi' ? 'vi' : 'en');
  return (
    <ConfigProvider locale={antdLocale} theme={appTheme}>
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionEvents />
      <I18nProvider>
        <LocalisedAntd>{children}</LocalisedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
