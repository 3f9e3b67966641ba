/** Word lists for a believable demo network; kept short so the generator stays readable. */

export const AREAS = ['North', 'Central', 'South', 'East', 'West', 'Coastal', 'Alpine', 'Lakes', 'Valley', 'Metro'] as const;

export const CITIES = [
  'Rotterdam', 'Antwerp', 'Duisburg', 'Lyon', 'Milan', 'Leipzig', 'Utrecht', 'Ghent', 'Lille', 'Cologne',
  'Hamburg', 'Bremen', 'Dortmund', 'Eindhoven', 'Liege', 'Strasbourg', 'Basel', 'Turin', 'Munich', 'Nuremberg',
  'Hanover', 'Kassel', 'Bordeaux', 'Nantes', 'Toulouse', 'Valencia', 'Zaragoza', 'Porto', 'Lisbon', 'Seville',
  'Vienna', 'Graz', 'Brno', 'Prague', 'Poznan', 'Wroclaw', 'Gdansk', 'Aarhus', 'Malmo', 'Gothenburg',
] as const;

export const PRODUCT_FAMILIES = [
  { family: 'Hydraulic hose', variants: ['1/4in', '3/8in', '1/2in', '3/4in', '1in'], uom: 'm' },
  { family: 'Ball bearing', variants: ['6201', '6202', '6204', '6305', '6308'], uom: 'Units' },
  { family: 'V-belt', variants: ['A42', 'A55', 'B60', 'B75', 'C90'], uom: 'Units' },
  { family: 'Safety gloves', variants: ['S', 'M', 'L', 'XL'], uom: 'Pairs' },
  { family: 'Cable tie', variants: ['100mm', '200mm', '300mm', '450mm'], uom: 'Packs' },
  { family: 'Hex bolt M8', variants: ['20mm', '30mm', '40mm', '60mm'], uom: 'Boxes' },
  { family: 'Pallet wrap', variants: ['17mu', '20mu', '23mu'], uom: 'Rolls' },
  { family: 'LED panel', variants: ['30W', '40W', '60W'], uom: 'Units' },
  { family: 'Air filter', variants: ['F7', 'G4', 'M5', 'H13'], uom: 'Units' },
  { family: 'Lubricant', variants: ['1L', '5L', '20L'], uom: 'Units' },
  { family: 'Pipe fitting', variants: ['15mm', '22mm', '28mm', '35mm'], uom: 'Units' },
  { family: 'Circuit breaker', variants: ['6A', '10A', '16A', '32A'], uom: 'Units' },
  { family: 'Welding rod', variants: ['2.5mm', '3.2mm', '4.0mm'], uom: 'kg' },
  { family: 'Heat-shrink tube', variants: ['3mm', '6mm', '12mm'], uom: 'm' },
  { family: 'Spray paint', variants: ['Red', 'Blue', 'Grey', 'Yellow'], uom: 'Units' },
  { family: 'Snow shovel', variants: ['Steel', 'Poly'], uom: 'Units', seasonal: true },
  { family: 'Garden hose', variants: ['15m', '25m', '50m'], uom: 'Units', seasonal: true },
  { family: 'De-icing salt', variants: ['10kg', '25kg'], uom: 'Bags', seasonal: true },
] as const;

export const CUSTOMER_STEMS = [
  'Van Dijk', 'Müller', 'Dupont', 'Rossi', 'Jansen', 'Schmidt', 'Martin', 'Bianchi', 'Peeters', 'Weber',
  'Bernard', 'Ricci', 'De Vries', 'Fischer', 'Moreau', 'Romano', 'Claes', 'Wagner', 'Laurent', 'Greco',
] as const;
export const CUSTOMER_KINDS = ['Engineering', 'Facilities', 'Construction', 'Agri', 'Marine', 'Automotive', 'Foods', 'Logistics'] as const;

export const SUPPLIER_NAMES = [
  'Nordic Industrial Supply', 'Rhein Components', 'Iberia Fasteners', 'Alpen Tools', 'Baltic Bearings',
  'Loire Hydraulics', 'Po Valley Electrics', 'Danube Safety', 'Flanders Packaging', 'Silesia Steel',
  'Atlantic Filters', 'Carpathian Chemicals', 'Tyrol Lighting', 'Meuse Cables', 'Adriatic Paints',
] as const;
