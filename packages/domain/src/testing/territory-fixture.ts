import type { TTerritory } from '../territories/territory';

/** A territory for a test: unit 7 is "U7", "Unit 7", in Bulgaria, without coordinates. */
export const unit = (id: number, parentId: number | null, level: TTerritory['level']): TTerritory => ({
  id,
  country: 'BG',
  code: `U${id}`,
  name: `Unit ${id}`,
  nameEn: null,
  level,
  parentId,
  lat: null,
  lon: null,
});
