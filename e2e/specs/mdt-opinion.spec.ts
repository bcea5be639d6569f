import { expect } from '@playwright/test';
import { createConsultation } from '../support/api';
import { test } from '../support/clinic-pages';
import { expectFitsDesk } from '../support/desk';
import { expectHisHoldsOpinionOnce, expectOpinionVerified, ownOpinion, signOpinion, submitJointOpinion } from '../support/opinion';

/**
 * 多学科会诊意见 with three browsers: two experts and the county doctor in one consultation. Each
 * expert writes an opinion, the chair compiles the joint one, both sign with their own password,
 * /verify shows two valid signatures, the county doctor acknowledges, and the county HIS holds the
 * opinion exactly once.
 */

test('two experts sign one joint opinion, /verify checks both, the county doctor acknowledges, the HIS holds it once', async ({ desks, baseURL: base }) => {
  test.setTimeout(240_000); // three browsers in one room
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [
    { username: 'dr.lin', role: 'expert' },
    { username: 'doc.wang', role: 'local_doctor' },
  ]);
  const chair = await desks.open('dr.chen', `/expert/consultations/${id}`);
  const lin = await desks.open('dr.lin', `/expert/consultations/${id}`);
  const county = await desks.open('doc.wang', `/county/consultations/${id}`);

  await ownOpinion(chair, '左肺上叶结节，倾向手术切除');
  await ownOpinion(lin, '建议先行新辅助化疗');
  await expect(chair.getByTestId('expert-opinion')).toHaveCount(2);

  const { opinion, opinionId } = await submitJointOpinion(chair, {
    findings: '左肺上叶结节 2.1cm，边缘毛刺，考虑肺癌',
    icd10: 'C34.9',
    treatment: '建议胸腔镜下肺叶切除',
    dissent: '主张先化疗后手术',
  });
  await expectFitsDesk(chair);

  // Each signer's status shows on the other's screen without a reload.
  await lin.getByTestId('tab-opinion').click();
  await expect(lin.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'signing', { timeout: 15_000 });
  await signOpinion(lin);
  await expect(chair.locator(`[data-testid="opinion-signer"][data-signed="true"]`)).toHaveCount(1, { timeout: 15_000 });
  await signOpinion(chair);
  await expect(opinion).toHaveAttribute('data-status', 'final');
  await expect(lin.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'final', { timeout: 15_000 });

  await expectOpinionVerified(chair, opinionId, 2);

  await expect(county.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'final', { timeout: 15_000 });
  await county.getByTestId('opinion-acknowledge').click();
  await expect(county.getByTestId('opinion-acknowledged')).toBeVisible();
  await expectFitsDesk(county);
  await expect(chair.getByTestId('opinion-acknowledged')).toBeVisible({ timeout: 15_000 });

  await expectHisHoldsOpinionOnce(chair, baseURL, `${id}/v1`);
});
