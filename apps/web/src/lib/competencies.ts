import { useCompetencies } from './reference';

/** Competency codes ("strategic-thinking") as their names ("Strategic Thinking"); the code until the list loads. */
export function useCompetencyNames(): (code: string) => string {
  const list = useCompetencies();
  const names = new Map((Array.isArray(list.data) ? list.data : []).map((c) => [c.code, c.name]));
  return (code) => names.get(code) ?? code.replace(/-/g, ' ');
}
