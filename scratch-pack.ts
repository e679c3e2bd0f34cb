import { packStart } from './bench/footprint.js';
const r = await packStart(5000, 3);
console.log(JSON.stringify(r, null, 1));
