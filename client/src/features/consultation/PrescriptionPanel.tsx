/** The consultation's 处方 tab: the online prescription pad (features/prescription). */
export { PrescriptionPanel } from '../prescription/PrescriptionPanel';
