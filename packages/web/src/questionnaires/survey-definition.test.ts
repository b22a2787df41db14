import { describe, expect, it } from 'vitest';
import {
  addElement,
  buildCondition,
  changeKind,
  checkDraft,
  htmlToText,
  localiseDefinition,
  moveElement,
  newQuestion,
  nextName,
  parseCondition,
  parseDefinition,
  questionsOf,
  textToHtml,
  toDefinition,
  untranslatedCounts,
  type TChoice,
} from './survey-definition';

const imported = {
  locale: 'uk',
  showProgressBar: 'top',
  pages: [
    {
      name: 'p1',
      title: { uk: 'Про вас', en: 'About you' },
      elements: [
        { type: 'text', name: 'age', inputType: 'number', title: { default: 'Вік', en: 'Age' }, validators: [{ type: 'numeric', minValue: 0 }], min: 0, max: 120 },
        {
          type: 'panel',
          name: 'household',
          title: { uk: 'Домогосподарство' },
          elements: [{ type: 'radiogroup', name: 'lives_alone', title: 'Живете самі?', choices: ['yes', { value: 'no', text: { uk: 'Ні', en: 'No' } }] }],
        },
        { type: 'html', name: 'thanks', html: { uk: '<p>Дякуємо <b>вам</b></p>' } },
        { type: 'matrix', name: 'grid', columns: ['a'] },
      ],
    },
  ],
};

describe('parseDefinition / toDefinition', () => {
  it('keeps what the editor does not know, and reads "default" and plain strings as the first language', () => {
    const draft = parseDefinition(imported, ['uk', 'en'], 'en');
    expect(draft.languages).toEqual(['uk', 'en']);
    const back = toDefinition(draft);
    expect(back.showProgressBar).toBe('top');
    expect(back.locale).toBe('uk');
    const page = (back.pages as { elements: Record<string, unknown>[] }[])[0]!;
    expect(page.elements[0]).toEqual({ type: 'text', name: 'age', inputType: 'number', title: { uk: 'Вік', en: 'Age' }, validators: [{ type: 'numeric', minValue: 0 }], min: 0, max: 120 });
    const panel = page.elements[1] as { elements: { choices: TChoice[]; title: unknown }[] };
    expect(panel.elements[0]!.title).toEqual({ uk: 'Живете самі?' });
    expect(panel.elements[0]!.choices).toEqual([
      { value: 'yes', text: { uk: 'yes' } },
      { value: 'no', text: { uk: 'Ні', en: 'No' } },
    ]);
    expect(page.elements[2]).toEqual({ type: 'html', name: 'thanks', html: { uk: '<p>Дякуємо <b>вам</b></p>' } });
    expect(page.elements[3]).toEqual({ type: 'matrix', name: 'grid', columns: ['a'] });
  });

  it('finds the languages of the texts when the server listed none', () => {
    expect(parseDefinition({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: { pl: 'Wiek', en: 'Age' } }] }] }, [], 'pl').languages).toEqual(['pl', 'en']);
  });

  it('drops empty texts and texts of a removed language', () => {
    const draft = parseDefinition(imported, ['uk', 'en'], 'en');
    const back = toDefinition({ ...draft, languages: ['uk'] });
    expect(JSON.stringify(back)).not.toContain('"en"');
  });
});

describe('localiseDefinition', () => {
  it('writes every text in one language, else the first language', () => {
    const en = localiseDefinition(imported, 'en', ['uk', 'en']);
    const elements = (en.pages as { elements: Record<string, unknown>[] }[])[0]!.elements;
    expect(elements[0]!.title).toBe('Age');
    expect((elements[1]!.elements as Record<string, unknown>[])[0]!.title).toBe('Живете самі?');
    expect(en.locale).toBeUndefined();
  });
});

describe('editing', () => {
  it('adds, moves and names questions', () => {
    let draft = parseDefinition({ pages: [{ name: 'page1', elements: [] }] }, ['uk'], 'uk');
    const page = draft.pages[0]!.uid;
    draft = addElement(draft, page, newQuestion('single', nextName(draft, 'q')));
    draft = addElement(draft, page, newQuestion('yesNo', nextName(draft, 'q')));
    expect(questionsOf(draft).map((q) => q.raw.name)).toEqual(['q1', 'q2']);
    draft = moveElement(draft, questionsOf(draft)[1]!.uid, -1);
    expect(questionsOf(draft).map((q) => q.raw.name)).toEqual(['q2', 'q1']);
    expect(questionsOf(draft)[0]!.raw).toMatchObject({ type: 'boolean', valueTrue: 'yes', valueFalse: 'no' });
  });

  it('keeps the choices when a single choice becomes a multiple choice, drops them for a text', () => {
    const single = newQuestion('single', 'q1');
    expect(changeKind(single, 'multiple').raw.choices).toEqual(single.raw.choices);
    expect(changeKind(single, 'shortText').raw.choices).toBeUndefined();
  });

  it('reports names, missing texts, choices and limits', () => {
    let draft = parseDefinition({ pages: [{ name: 'page1', elements: [] }] }, ['uk', 'en'], 'uk');
    const page = draft.pages[0]!.uid;
    draft = addElement(draft, page, { ...newQuestion('shortText', '1bad') });
    draft = addElement(draft, page, { ...newQuestion('number', 'n'), raw: { ...newQuestion('number', 'n').raw, title: { uk: 'Скільки?' }, min: 5, max: 1 } });
    draft = addElement(draft, page, { ...newQuestion('shortText', 'N'), raw: { type: 'text', name: 'N', title: { uk: 'x' } } });
    const codes = checkDraft(draft).map((p) => p.code);
    expect(codes).toEqual(['name_invalid', 'title_missing', 'name_taken', 'limits_order', 'name_taken']);
    expect(untranslatedCounts(draft)).toEqual({ en: 2 });
  });

  it('asks for the text of each answer in the default language', () => {
    let draft = parseDefinition({ pages: [{ name: 'page1', elements: [] }] }, ['uk'], 'uk');
    const question = newQuestion('single', 'q1');
    question.raw.title = { uk: 'Так чи ні?' };
    question.raw.choices = [
      { value: 'yes', text: { uk: 'Так' } },
      { value: 'no', text: { uk: ' ' } },
    ];
    draft = addElement(draft, draft.pages[0]!.uid, question);
    expect(checkDraft(draft)).toEqual([{ uid: question.uid, field: 'choices', code: 'choice_text_missing', index: 1 }]);
  });
});

describe('conditions', () => {
  it('reads the simple forms and writes them back', () => {
    expect(parseCondition("{lives_alone} = 'yes'")).toEqual({ question: 'lives_alone', operator: 'is', value: 'yes' });
    expect(parseCondition('{help} contains "transport"')).toEqual({ question: 'help', operator: 'contains', value: 'transport' });
    expect(parseCondition('{age} >= 65')).toBeNull();
    expect(parseCondition("{a} = 'x' and {b} = 'y'")).toBeNull();
    const number = newQuestion('number', 'age');
    expect(buildCondition({ question: 'age', operator: 'is', value: '65' }, number)).toBe('{age} = 65');
    expect(buildCondition({ question: 'c', operator: 'contains', value: "it's" }, newQuestion('multiple', 'c'))).toBe("{c} contains 'its'");
  });
});

describe('notes', () => {
  it('turn plain text into paragraphs and back', () => {
    const html = textToHtml('Дякуємо!\nЦе анонімно.\n\nA <b> tag');
    expect(html).toBe('<p>Дякуємо!<br>Це анонімно.</p><p>A &lt;b&gt; tag</p>');
    expect(htmlToText(html)).toBe('Дякуємо!\nЦе анонімно.\n\nA <b> tag');
  });
});
