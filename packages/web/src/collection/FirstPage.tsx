import { useId, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { problemsOf, type TLightPage, type TLightProblem, type TLightQuestion, type TLightValue, type TLightValues } from './first-page';
import './first-page.css';

type TProps = {
  page: TLightPage;
  values: TLightValues;
  onChange: (values: TLightValues) => void;
  /** Pressed "Next" (or "Complete") with answers that pass this page's checks. */
  onNext: () => void;
  /** Pressed, and waiting for SurveyJS to take the answers over. */
  waiting: boolean;
  t: TFunction;
};

function problemText(t: TFunction, problem: TLightProblem): string {
  switch (problem.code) {
    case 'required':
      return t('publicForm.light.required');
    case 'notNumber':
      return t('publicForm.light.notNumber');
    case 'min':
      return t('publicForm.light.min', { min: problem.min });
    case 'max':
      return t('publicForm.light.max', { max: problem.max });
  }
}

/**
 * The questionnaire's first page in plain HTML, looking as SurveyJS's does (first-page.ts tells
 * why): question titles with their required marks, choices as radio buttons and checkboxes with
 * their labels, in a fieldset named by its legend. Inputs are never disabled while SurveyJS
 * loads: what is typed stays here until "Next" hands it over.
 */
export function FirstPage({ page, values, onChange, onNext, waiting, t }: TProps) {
  const id = useId();
  const [checked, setChecked] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const problems = checked ? problemsOf(page, values) : {};
  const set = (name: string, value: TLightValue | undefined) => onChange({ ...values, [name]: value });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (waiting) return;
    setChecked(true);
    const found = problemsOf(page, values);
    const first = page.questions.find((q) => found[q.name]);
    if (first) {
      // To the first question to put right, as SurveyJS does.
      formRef.current?.querySelector<HTMLElement>(`[data-question="${CSS.escape(first.name)}"] :is(input, select, textarea)`)?.focus();
      return;
    }
    onNext();
  };

  return (
    <form ref={formRef} className="lp" noValidate onSubmit={submit} data-testid="light-page" aria-busy={waiting || undefined}>
      {page.title ? <h2 className="lp-page-title">{page.title}</h2> : null}
      {page.description ? <p className="lp-description">{page.description}</p> : null}
      {page.questions.map((q, index) => (
        <Question key={q.name} id={`${id}-${index}`} question={q} value={values[q.name]} problem={problems[q.name]} onChange={(v) => set(q.name, v)} t={t} />
      ))}
      <div className="lp-navigation">
        <button type="submit" className="lp-button" data-testid="light-next">
          {page.last ? t('publicForm.light.complete') : t('publicForm.light.next')}
        </button>
        {waiting ? (
          <span className="lp-waiting" role="status">
            {t('publicForm.loading')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function Question({ id, question: q, value, problem, onChange, t }: { id: string; question: TLightQuestion; value: TLightValue | undefined; problem: TLightProblem | undefined; onChange: (v: TLightValue | undefined) => void; t: TFunction }) {
  const titleId = `${id}-title`;
  const errorId = `${id}-error`;
  const descriptionId = q.description ? `${id}-description` : undefined;
  const describedBy = [problem ? errorId : null, descriptionId].filter(Boolean).join(' ') || undefined;
  const title: ReactNode = (
    <>
      <span className="lp-title-text">{q.title}</span>
      {q.required ? (
        <span className="lp-required" aria-hidden="true">
          {' *'}
        </span>
      ) : null}
    </>
  );
  const error = problem ? (
    <div className="lp-error" id={errorId} role="alert">
      {problemText(t, problem)}
    </div>
  ) : null;
  const description = q.description ? (
    <div className="lp-question-description" id={descriptionId}>
      {q.description}
    </div>
  ) : null;
  const invalid = problem ? true : undefined;

  if (q.kind === 'radiogroup' || q.kind === 'checkbox' || q.kind === 'boolean') {
    const choices =
      q.kind === 'boolean'
        ? [
            { value: 'true', text: q.labelTrue ?? t('publicForm.light.yes') },
            { value: 'false', text: q.labelFalse ?? t('publicForm.light.no') },
          ]
        : q.choices;
    const isChecked = (v: string) => (q.kind === 'checkbox' ? Array.isArray(value) && value.includes(v) : q.kind === 'boolean' ? String(value) === v : value === v);
    const pick = (v: string, on: boolean) => {
      if (q.kind === 'checkbox') {
        const now = Array.isArray(value) ? value : [];
        onChange(on ? [...now.filter((x) => x !== v), v] : now.filter((x) => x !== v));
      } else onChange(q.kind === 'boolean' ? v === 'true' : v);
    };
    return (
      <fieldset
        className="lp-question"
        data-question={q.name}
        role={q.kind === 'checkbox' ? undefined : 'radiogroup'}
        aria-required={q.kind !== 'checkbox' && q.required ? true : undefined}
        aria-invalid={q.kind !== 'checkbox' ? invalid : undefined}
        aria-describedby={describedBy}
      >
        <legend className="lp-title" id={titleId}>
          {title}
        </legend>
        {description}
        {error}
        <div className="lp-choices">
          {choices.map((c, i) => (
            <label key={c.value} className="lp-choice">
              <input type={q.kind === 'checkbox' ? 'checkbox' : 'radio'} name={`${id}-${q.name}`} value={c.value} checked={isChecked(c.value)} onChange={(e) => pick(c.value, e.currentTarget.checked)} data-index={i} />
              <span>{c.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  const inputId = `${id}-input`;
  const common = {
    id: inputId,
    'aria-required': q.required || undefined,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
  };
  return (
    <div className="lp-question" data-question={q.name}>
      <label className="lp-title" htmlFor={inputId} id={titleId}>
        {title}
      </label>
      {description}
      {error}
      {q.kind === 'dropdown' ? (
        <select {...common} className="lp-input" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
          <option value="">{t('publicForm.light.choose')}</option>
          {q.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.text}
            </option>
          ))}
        </select>
      ) : q.kind === 'comment' ? (
        <textarea {...common} className="lp-input lp-comment" rows={4} value={typeof value === 'string' ? value : ''} placeholder={q.placeholder || undefined} maxLength={q.maxLength ?? undefined} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : q.kind === 'number' ? (
        <input
          {...common}
          className="lp-input"
          type="number"
          inputMode="decimal"
          value={typeof value === 'string' ? value : ''}
          min={q.min ?? undefined}
          max={q.max ?? undefined}
          step={q.step ?? 'any'}
          placeholder={q.placeholder || undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      ) : q.kind === 'text' ? (
        <input {...common} className="lp-input" type="text" value={typeof value === 'string' ? value : ''} placeholder={q.placeholder || undefined} maxLength={q.maxLength ?? undefined} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : null}
    </div>
  );
}
