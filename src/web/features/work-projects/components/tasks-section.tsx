import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail, Task } from '../../../../contracts/work-projects';
import {
  Badge,
  Button,
  DateField,
  ErrorAlert,
  FormDialog,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { resetIfUnchanged } from '../../../lib/form-fields';
import { formatDay } from '../../../lib/format';
import * as api from '../api';

const orNull = (v: FormDataEntryValue | null) => (v ? String(v) : null);

/** The project's tasks (office only): checklists, done/reopen, edit, and an inline form to add one. */
export function TasksSection({
  networkId,
  project: p,
  onChanged,
}: {
  networkId: string;
  project: ProjectDetail;
  onChanged: () => unknown;
}) {
  const { t } = useTranslation();
  const active = p.status === 'active';
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const staff = useQuery(api.staffQuery(networkId));
  const staffOptions = [
    { value: '', label: t('project.nobody') },
    ...(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name })),
  ];
  const orderOptions = [
    { value: '', label: t('project.noOrder') },
    ...p.orders.map((o) => ({ value: o.id, label: `${o.number} ${o.title}` })),
  ];
  const add = useMutation({
    mutationFn: (fd: FormData) =>
      api.createTask(networkId, p.id, {
        title: String(fd.get('title') ?? ''),
        assigneeId: orNull(fd.get('assigneeId')),
        dueOn: orNull(fd.get('dueOn')),
        weight: Number(fd.get('weight') ?? 1),
      }),
    onSuccess: async (task) => {
      setMessage(t('project.taskAdded', { title: task.title }));
      await onChanged();
    },
  });
  const change = useMutation({
    mutationFn: (x: { task: Task; patch: Omit<Parameters<typeof api.updateTask>[3], 'version'> }) =>
      api.updateTask(networkId, p.id, x.task.id, { ...x.patch, version: x.task.version }),
    onSuccess: async () => {
      setEditing(null);
      await onChanged();
    },
  });
  const check = useMutation({
    mutationFn: (x: { task: Task; index: number; done: boolean }) =>
      api.checkChecklistItem(networkId, p.id, x.task.id, x.index, x.done),
    onSuccess: onChanged,
  });
  const removeItem = useMutation({
    mutationFn: (x: { task: Task; index: number }) =>
      api.removeChecklistItem(networkId, p.id, x.task.id, x.index),
    onSuccess: onChanged,
  });
  const addItem = useMutation({
    mutationFn: (x: { task: Task; label: string }) =>
      api.addChecklistItem(networkId, p.id, x.task.id, x.label),
    onSuccess: onChanged,
  });
  const tasks = p.tasks ?? [];

  return (
    <Section title={t('project.tasks')} id="project-tasks">
      <StatusMessage message={message} />
      <ErrorAlert error={change.error ?? check.error ?? removeItem.error ?? addItem.error} />
      {tasks.length === 0 ? (
        <p className="kern-body">{t('project.tasksNone')}</p>
      ) : (
        <ul className="bn-plain-list bn-stack">
          {tasks.map((task) => {
            const done = task.checklist.filter((c) => c.done).length;
            return (
              <li key={task.id}>
                <article className="bn-row" aria-labelledby={`task-${task.id}`}>
                  <div className="bn-row__head">
                    <h3 className="kern-title" id={`task-${task.id}`}>
                      {task.title}
                    </h3>
                    {task.status === 'done' ? (
                      <Badge kind="success">{t('project.done')}</Badge>
                    ) : (
                      <Badge kind="info">{t('project.open')}</Badge>
                    )}
                  </div>
                  {task.description ? <p className="kern-body bn-pre-line">{task.description}</p> : null}
                  <p className="kern-body kern-body--small">
                    {t('project.assignee')}: {task.assigneeName ?? t('project.nobody')} · {t('project.due')}:{' '}
                    {formatDay(task.dueOn)} · {t('project.weight')}: {task.weight} · {t('projects.progress')}:{' '}
                    {t('projects.progressValue', { value: task.effectiveProgress })}
                    {task.orderNumber ? ` · ${t('project.order')}: ${task.orderNumber}` : ''}
                  </p>
                  {task.checklist.length > 0 || active ? (
                    <fieldset className="bn-task-checklist">
                      <legend className="kern-label">
                        {t('project.checklistOf', { title: task.title })}
                        {task.checklist.length > 0
                          ? ` (${t('project.checklistCount', { done, total: task.checklist.length })})`
                          : ''}
                      </legend>
                      <ul className="bn-checklist">
                        {task.checklist.map((c, index) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: items are addressed by position
                          <li key={index} className="bn-checklist__item">
                            <div className="kern-form-check">
                              <input
                                id={`task-${task.id}-c${index}`}
                                type="checkbox"
                                className="kern-form-check__checkbox"
                                checked={c.done}
                                disabled={!active || check.isPending}
                                onChange={(e) => check.mutate({ task, index, done: e.currentTarget.checked })}
                              />
                              <label className="kern-label" htmlFor={`task-${task.id}-c${index}`}>
                                {c.label}
                              </label>
                            </div>
                            {active ? (
                              <RowButton
                                icon="delete"
                                label={t('project.checklistRemove', { label: c.label })}
                                onClick={() => removeItem.mutate({ task, index })}
                              >
                                {t('project.remove')}
                              </RowButton>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      {active ? (
                        <form
                          className="bn-inline-form"
                          onSubmit={(e) => {
                            e.preventDefault();
                            const form = e.currentTarget;
                            const sent = new FormData(form);
                            const label = String(sent.get('label') ?? '').trim();
                            if (label)
                              addItem.mutate(
                                { task, label },
                                { onSuccess: () => resetIfUnchanged(form, sent) },
                              );
                          }}
                        >
                          <TextField
                            label={t('project.checklistNew', { title: task.title })}
                            name="label"
                            required
                          />
                          <Button type="submit" variant="tertiary" small icon="add">
                            {t('project.checklistAdd')}
                          </Button>
                        </form>
                      ) : null}
                    </fieldset>
                  ) : null}
                  {active ? (
                    <div className="bn-actions">
                      {task.status === 'open' ? (
                        <Button
                          variant="secondary"
                          small
                          icon="check"
                          aria-label={t('project.markDoneLabel', { title: task.title })}
                          onClick={() => change.mutate({ task, patch: { status: 'done' } })}
                        >
                          {t('project.markDone')}
                        </Button>
                      ) : (
                        <Button
                          variant="secondary"
                          small
                          aria-label={t('project.reopenLabel', { title: task.title })}
                          onClick={() => change.mutate({ task, patch: { status: 'open' } })}
                        >
                          {t('project.reopen')}
                        </Button>
                      )}
                      <Button
                        variant="tertiary"
                        small
                        icon="edit"
                        aria-label={t('project.editTaskLabel', { title: task.title })}
                        onClick={() => setEditing(task)}
                      >
                        {t('project.editTask')}
                      </Button>
                    </div>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {active ? (
        <form
          className="bn-form bn-form--inline"
          aria-label={t('project.taskAdd')}
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const sent = new FormData(form);
            add.mutate(sent, { onSuccess: () => resetIfUnchanged(form, sent) });
          }}
        >
          <ErrorAlert error={add.error} />
          <TextField label={t('project.taskTitle')} name="title" required />
          <SelectField label={t('project.assignee')} name="assigneeId" options={staffOptions} />
          <DateField label={t('project.due')} name="dueOn" />
          <TextField
            label={t('project.weight')}
            name="weight"
            type="number"
            min={0}
            max={100}
            defaultValue={1}
          />
          <Button type="submit" variant="secondary" icon="add" busy={add.isPending}>
            {t('project.taskAdd')}
          </Button>
        </form>
      ) : null}
      <FormDialog
        open={editing !== null}
        title={t('project.editTaskTitle', { title: editing?.title ?? '' })}
        submitLabel={t('common.save')}
        busy={change.isPending}
        error={change.error}
        onClose={() => {
          setEditing(null);
          change.reset();
        }}
        onSubmit={(e) => {
          if (!editing) return;
          const fd = new FormData(e.currentTarget);
          change.mutate({
            task: editing,
            patch: {
              title: String(fd.get('title') ?? ''),
              description: String(fd.get('description') ?? ''),
              assigneeId: orNull(fd.get('assigneeId')),
              dueOn: orNull(fd.get('dueOn')),
              orderId: orNull(fd.get('orderId')),
              weight: Number(fd.get('weight') ?? 1),
              progress: Number(fd.get('progress') ?? 0),
            },
          });
        }}
      >
        {editing ? (
          <>
            <TextField label={t('project.taskTitle')} name="title" required defaultValue={editing.title} />
            <TextAreaField
              label={t('projects.description')}
              name="description"
              defaultValue={editing.description}
            />
            <SelectField
              label={t('project.assignee')}
              name="assigneeId"
              options={staffOptions}
              defaultValue={editing.assigneeId ?? ''}
            />
            <DateField label={t('project.due')} name="dueOn" defaultValue={editing.dueOn} />
            <SelectField
              label={t('project.order')}
              name="orderId"
              options={orderOptions}
              defaultValue={editing.orderId ?? ''}
            />
            <TextField
              label={t('project.weight')}
              hint={t('project.weightHint')}
              name="weight"
              type="number"
              min={0}
              max={100}
              defaultValue={editing.weight}
            />
            <TextField
              label={t('project.taskProgress')}
              hint={t('project.taskProgressHint')}
              name="progress"
              type="number"
              min={0}
              max={100}
              defaultValue={editing.progress}
            />
          </>
        ) : null}
      </FormDialog>
    </Section>
  );
}
