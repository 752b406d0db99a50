import type { FrameworkVersion as DbFrameworkVersion } from '@/lib/generated/prisma/enums';
import type { FrameworkVersion } from '@/lib/framework/types';

export function frameworkFromDb(value: DbFrameworkVersion): FrameworkVersion {
  return value === 'v2018' ? '2018' : '2021';
}

export function frameworkToDb(value: FrameworkVersion): DbFrameworkVersion {
  return value === '2018' ? 'v2018' : 'v2021';
}
