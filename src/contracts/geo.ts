import { Type } from 'typebox';

/** RFC 7946 FeatureCollection; each feature's `id` is the unit code. Geometry is passed through as drawn. */
export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      properties: Type.Record(Type.String(), Type.Unknown()),
      geometry: Type.Unknown(),
    }),
  ),
});

export const CommuneGeoQuery = Type.Object(
  { province: Type.String({ pattern: '^[0-9]{2}$', description: 'Mã tỉnh, 2 chữ số' }) },
  { additionalProperties: false },
);
