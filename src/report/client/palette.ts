// Colours of entity and relation types (chosen to stay apart for common colour blindness).

export const ENTITY_COLORS: Readonly<Record<string, string>> = {
  PERSON: '#e8710a',
  COUNTRY: '#1a73e8',
  ORGANIZATION: '#188038',
  LOCATION: '#9334e6',
};

export const RELATION_COLORS: Readonly<Record<string, string>> = {
  MET_WITH: '#1f77b4',
  MEDIATES_BETWEEN: '#9467bd',
  NEGOTIATES_WITH: '#17becf',
  VISITS: '#8c564b',
  COOPERATES_WITH: '#2ca02c',
  SUPPORTS: '#bcbd22',
  OPPOSES: '#d62728',
  AT_WAR_WITH: '#7b0c0c',
  HOLDS_ROLE: '#7f7f7f',
  MEMBER_OF: '#e377c2',
};

export const entityColor = (type: string): string => ENTITY_COLORS[type] ?? '#888888';
export const relationColor = (type: string): string => RELATION_COLORS[type] ?? '#999999';
