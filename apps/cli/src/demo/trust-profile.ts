import type { TrustProfile } from '@barometer/core';

/** The fictional trust the simulator's feeds talk about: the demo's and the tests' profile. */
export const demoTrustProfile: TrustProfile = {
  name: 'Northfield and District NHS Foundation Trust',
  aliases: [
    'Northfield NHS',
    'Northfield General Hospital',
    'Northfield General',
    "St Aidan's Community Hospital",
  ],
  handles: ['@NorthfieldNHS', '@NorthfieldGeneral'],
  hashtags: ['#NorthfieldGeneral', '#NorthfieldNHS'],
  sites: ['northfield-nhs.example'],
  taxonomy: {
    'A&E': ['a&e', 'emergency department', 'casualty'],
    Maternity: ['maternity', 'bluebell ward', 'midwife', 'midwives'],
    "Children's services": ['puffin ward', "children's ward", 'paediatric'],
    Cardiology: ['cardiology', 'heart clinic'],
    Outpatients: ['outpatients', 'outpatient clinic'],
    'Car park': ['car park', 'parking'],
    Pharmacy: ['pharmacy', 'prescription'],
    Oncology: ['harbour unit', 'oncology', 'chemo'],
    "St Aidan's": ["st aidan's"],
  },
};
