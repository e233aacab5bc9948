// Schema validation failures as sentences a person can act on (issue 20, docs/content-style.md). The JSON pointer
// stays in the problem's `errors[].field` for machines; people never read it.
type Failure = { keyword: string; params: Record<string, unknown>; message?: string };

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v));

/** One field's failure as a short instruction: "Enter a number no more than 5." */
export function failureInWords({ keyword, params }: Failure): string {
  switch (keyword) {
    case 'required':
      return 'Fill this in.';
    case 'additionalProperties':
      return 'This is not part of the form.';
    case 'maximum':
      return `Enter a number no more than ${n(params.limit)}.`;
    case 'minimum':
      return `Enter a number no less than ${n(params.limit)}.`;
    case 'exclusiveMaximum':
      return `Enter a number below ${n(params.limit)}.`;
    case 'exclusiveMinimum':
      return `Enter a number above ${n(params.limit)}.`;
    case 'maxLength':
      return `Use ${n(params.limit)} characters or fewer.`;
    case 'minLength':
      return params.limit === 1 ? 'Fill this in.' : `Use at least ${n(params.limit)} characters.`;
    case 'maxItems':
      return `Choose ${n(params.limit)} or fewer.`;
    case 'minItems':
      return `Choose at least ${n(params.limit)}.`;
    case 'uniqueItems':
      return 'Choose each option only once.';
    case 'format':
      if (params.format === 'date' || params.format === 'date-time') return 'Enter a real date.';
      if (params.format === 'email') return 'Enter an email address, like name@hhs.gov.';
      return 'Enter this in the expected form.';
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return 'Choose one of the options.';
    case 'type':
      return params.type === 'integer' || params.type === 'number'
        ? 'Enter a number.'
        : 'This answer is not valid.';
    case 'pattern':
      return 'Enter this in the expected form.';
    default:
      return 'This answer is not valid.';
  }
}

/** "maxCapacity" → "Max capacity"; "/body/positions/0/title" → "Title". */
export function fieldInWords(pointer: string): string {
  const last =
    pointer
      .split('/')
      .filter((s) => s && !/^\d+$/.test(s))
      .at(-1) ?? 'answer';
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The problem's detail: the first failure in a sentence, and how many more there are. */
export function validationDetail(errors: { field: string; message: string }[]): string {
  const [first] = errors;
  if (!first) return 'Some answers are not valid. Check them and try again.';
  const more =
    errors.length > 1
      ? ` ${errors.length - 1} more ${errors.length === 2 ? 'answer needs' : 'answers need'} a change too.`
      : '';
  return `${fieldInWords(first.field)}: ${first.message}${more}`;
}
