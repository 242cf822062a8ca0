import { useTranslation } from 'react-i18next';
import type { RollUpInfo } from '../../../../contracts/work-projects';
import { ProgressBar } from '../../../components/ui';

/** A project's rolled-up progress: a bar with its number, or why there is none. */
export function ProjectProgress({ rollUp, title }: { rollUp: RollUpInfo; title: string }) {
  const { t } = useTranslation();
  if (rollUp.progress === null)
    return (
      <span className="kern-body kern-body--small">
        {rollUp.state === 'zero_weights' ? t('projects.progressZero') : t('projects.progressNone')}
      </span>
    );
  return (
    <ProgressBar
      value={rollUp.progress}
      label={t('projects.progressLabel', { title, value: rollUp.progress })}
    />
  );
}
