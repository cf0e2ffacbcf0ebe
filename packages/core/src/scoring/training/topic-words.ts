// Words that say what or where a comment is about, never how it feels: services, departments,
// places, tests, body parts, times. The sentiment model does not learn them (feature-filter.ts);
// the topic model and the rules still read them. Review by reading: a word belongs here if
// "the X was lovely" and "the X was awful" are equally natural.
const LIST = `
a&e ae hospital hospitals ward wards unit units clinic clinics department departments centre
center surgery surgeries practice pharmacy pharmacist gp gps trust trusts nhs site sites
building block wing floor level entrance reception corridor bay bed beds room rooms theatre
theatres lift lifts cafe café canteen shop library town city village road street station
car park parking bus buses train taxi
maternity midwifery antenatal postnatal paediatric paediatrics children's childrens children
child kids baby babies dental dentist dentistry orthopaedic orthopaedics cardiology oncology
radiology physio physiotherapy audiology ophthalmology eye eyes ear ears hearing stroke cancer
renal dialysis diabetes diabetic respiratory urology dermatology neurology psychiatry mental
outpatient outpatients inpatient inpatients phlebotomy pathology x-ray xray scan scans mri ct
ultrasound blood bloods test tests smear vaccine vaccines vaccination jab jabs flu covid booster
knee hip back chest arm leg foot hand wrist ankle shoulder neck head tooth teeth skin
monday tuesday wednesday thursday friday saturday sunday weekend january february march april
may june july august september october november december morning afternoon evening today
tomorrow yesterday year years month months week weeks day days
`;

export const PLACE_AND_TOPIC_WORDS: ReadonlySet<string> = new Set(
  LIST.split(/\s+/).filter((w) => w !== ''),
);
