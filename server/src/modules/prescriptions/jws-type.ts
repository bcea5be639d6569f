/** JOSE `typ` of a prescription signature (and of the pharmacist's approval over it). */
export const PRESCRIPTION_JWS_TYPE = 'cloudclinic-prescription+jws';
