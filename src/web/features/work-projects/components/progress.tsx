import { useTranslation } from 'react-i18next';
import type { RollUpInfo } from '../../../../contracts/work-projects';

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
    <span className="bn-progress">
      <progress
        className="bn-progress__bar"
        max={100}
        value={rollUp.progress}
        aria-label={t('projects.progressLabel', { title })}
      />
      <span className="kern-body kern-body--small bn-nowrap">
        {t('projects.progressValue', { value: rollUp.progress })}
      </span>
    </span>
  );
}
