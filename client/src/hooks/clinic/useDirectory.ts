import { directoryApi, type DirectoryInstitution, type DirectoryUser } from '../../api/directory-api';
import { useResource } from './useResource';

export interface Directory {
  experts: DirectoryUser[];
  institutions: DirectoryInstitution[];
  loading: boolean;
  errorCode: string | null;
  reload(): void;
}

/** Experts and institutions (with departments) for the publish form. */
export function useDirectory(): Directory {
  const experts = useResource('experts', (signal) => directoryApi.users('expert', signal));
  const institutions = useResource('institutions', (signal) => directoryApi.institutions(signal));
  return {
    experts: experts.data ?? [],
    institutions: institutions.data ?? [],
    loading: experts.loading || institutions.loading,
    errorCode: experts.errorCode ?? institutions.errorCode,
    reload: () => {
      experts.reload();
      institutions.reload();
    },
  };
}
