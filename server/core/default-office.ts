import type { LocalizedText, OfficeHours, ServiceStep } from '../contract/contract.ts';
import type { ServiceRecord } from './records.ts';

/** A service as the office posts it, before it has an id. */
export type ServiceDefinition = Omit<ServiceRecord, 'id' | 'active' | 'sortOrder'>;

export interface CounterDefinition {
  name: string;
  number: number;
  serviceCodes: string[];
}

export interface OfficeDefinition {
  officeName: LocalizedText;
  services: ServiceDefinition[];
  counters: CounterDefinition[];
  /** Set up with the office when given; without, it issues tickets at any time until an admin sets hours. */
  officeHours?: OfficeHours;
}

const step = (
  order: number,
  th: string,
  en: string,
  minutes: number,
  responsible: string,
): ServiceStep => ({ order, title: { th, en }, minutes, responsible });

const doc = (th: string, en: string): LocalizedText => ({ th, en });

const ID_CARD = doc('บัตรประจำตัวประชาชน', 'Thai national ID card');
const HOUSE_REGISTRATION = doc('สำเนาทะเบียนบ้าน', 'Copy of house registration');

/**
 * A typical เทศบาลตำบล (subdistrict municipality) front office. The steps and
 * standard times follow the shape of a citizen's manual under the Licensing
 * Facilitation Act B.E. 2558 (2015); an office edits them through the admin API.
 */
export const DEFAULT_OFFICE: OfficeDefinition = {
  officeName: { th: 'สำนักงานเทศบาลตำบลบ้านสวน', en: 'Ban Suan Subdistrict Municipality Office' },
  services: [
    {
      code: 'A',
      name: { th: 'ชำระภาษีที่ดินและสิ่งปลูกสร้าง', en: 'Land and building tax payment' },
      steps: [
        step(
          1,
          'ตรวจสอบรายการภาษีและเอกสาร',
          'Check the tax assessment and documents',
          5,
          'งานจัดเก็บรายได้ กองคลัง',
        ),
        step(2, 'คำนวณและรับชำระภาษี', 'Calculate and receive payment', 5, 'เจ้าพนักงานจัดเก็บรายได้'),
        step(3, 'ออกใบเสร็จรับเงิน', 'Issue the receipt', 3, 'ผู้อำนวยการกองคลัง'),
      ],
      documents: [
        ID_CARD,
        doc('หนังสือแจ้งการประเมินภาษี (ภ.ด.ส.6)', 'Tax assessment notice (Por.Dor.Sor.6)'),
      ],
      fee: 0,
      feeNote: {
        th: 'ไม่มีค่าธรรมเนียม (ชำระตามจำนวนภาษีที่ประเมิน)',
        en: 'No fee (the assessed tax is paid)',
      },
      targetWaitMinutes: 15,
    },
    {
      code: 'B',
      name: { th: 'ขออนุญาตก่อสร้าง/ดัดแปลงอาคาร', en: 'Building construction or alteration permit' },
      steps: [
        step(
          1,
          'รับคำขอและตรวจเอกสาร',
          'Receive the application and check documents',
          15,
          'งานควบคุมอาคาร กองช่าง',
        ),
        step(2, 'ตรวจสอบแบบแปลนเบื้องต้น', 'Preliminary review of the plans', 20, 'นายช่างโยธา'),
        step(
          3,
          'ออกใบรับคำขอและนัดตรวจสถานที่',
          'Issue the receipt and book the site inspection',
          10,
          'ผู้อำนวยการกองช่าง',
        ),
      ],
      documents: [
        ID_CARD,
        HOUSE_REGISTRATION,
        doc('แบบคำขออนุญาต (ข.1)', 'Permit application form (Khor.1)'),
        doc('แบบแปลนอาคาร 5 ชุด', 'Five sets of building plans'),
        doc('สำเนาโฉนดที่ดิน', 'Copy of the land title deed'),
      ],
      fee: 20,
      feeNote: {
        th: 'ค่าธรรมเนียมใบอนุญาต 20 บาท และค่าตรวจแบบตามพื้นที่',
        en: '20 baht permit fee plus plan review by floor area',
      },
      targetWaitMinutes: 30,
    },
    {
      code: 'C',
      name: {
        th: 'ลงทะเบียนเบี้ยยังชีพผู้สูงอายุและคนพิการ',
        en: 'Elderly and disability allowance registration',
      },
      steps: [
        step(
          1,
          'ตรวจสอบคุณสมบัติและเอกสาร',
          'Check eligibility and documents',
          5,
          'งานพัฒนาชุมชน กองสวัสดิการสังคม',
        ),
        step(2, 'กรอกแบบคำขอลงทะเบียน', 'Fill in the registration form', 10, 'นักพัฒนาชุมชน'),
        step(
          3,
          'บันทึกข้อมูลและออกใบรับลงทะเบียน',
          'Record the data and issue the registration slip',
          5,
          'ผู้อำนวยการกองสวัสดิการสังคม',
        ),
      ],
      documents: [
        ID_CARD,
        HOUSE_REGISTRATION,
        doc('สมุดบัญชีเงินฝากธนาคาร', 'Bank passbook'),
        doc('บัตรประจำตัวคนพิการ (ถ้ามี)', 'Disability card (if any)'),
      ],
      fee: 0,
      feeNote: null,
      targetWaitMinutes: 20,
    },
    {
      code: 'D',
      name: {
        th: 'ขอข้อมูลข่าวสาร/คัดสำเนาเอกสาร',
        en: 'Public information request and document copies',
      },
      steps: [
        step(1, 'รับคำขอข้อมูลข่าวสาร', 'Receive the information request', 5, 'ศูนย์ข้อมูลข่าวสาร สำนักปลัด'),
        step(2, 'ค้นหาและคัดสำเนาเอกสาร', 'Find and copy the documents', 10, 'เจ้าพนักงานธุรการ'),
        step(3, 'รับรองสำเนาและส่งมอบ', 'Certify the copies and hand them over', 5, 'ปลัดเทศบาล'),
      ],
      documents: [ID_CARD],
      fee: 1,
      feeNote: { th: 'ค่าถ่ายสำเนาหน้าละ 1 บาท', en: '1 baht per copied page' },
      targetWaitMinutes: 15,
    },
    {
      code: 'E',
      name: { th: 'รับเรื่องร้องเรียน/ร้องทุกข์', en: 'Complaints and grievances' },
      steps: [
        step(
          1,
          'รับเรื่องและบันทึกคำร้อง',
          'Receive and record the complaint',
          10,
          'ศูนย์รับเรื่องร้องเรียน สำนักปลัด',
        ),
        step(
          2,
          'ออกเลขรับและแจ้งช่องทางติดตาม',
          'Issue a reference number and the follow-up channel',
          5,
          'หัวหน้าสำนักปลัด',
        ),
      ],
      documents: [ID_CARD, doc('หลักฐานประกอบคำร้อง (ถ้ามี)', 'Supporting evidence (if any)')],
      fee: 0,
      feeNote: null,
      targetWaitMinutes: 10,
    },
    {
      code: 'F',
      name: {
        th: 'ขออนุญาตประกอบกิจการ/จดทะเบียนพาณิชย์',
        en: 'Business licence and commercial registration',
      },
      steps: [
        step(
          1,
          'รับคำขอและตรวจเอกสาร',
          'Receive the application and check documents',
          10,
          'งานทะเบียนพาณิชย์ กองคลัง',
        ),
        step(
          2,
          'ตรวจสอบและบันทึกข้อมูลทะเบียน',
          'Verify and record the registration',
          15,
          'นายทะเบียนพาณิชย์',
        ),
        step(
          3,
          'รับชำระค่าธรรมเนียมและออกใบทะเบียน',
          'Receive the fee and issue the certificate',
          5,
          'ผู้อำนวยการกองคลัง',
        ),
      ],
      documents: [
        ID_CARD,
        HOUSE_REGISTRATION,
        doc('แบบคำขอจดทะเบียน (ทพ.)', 'Registration form (Thor.Phor.)'),
        doc('แผนที่ตั้งสถานประกอบการ', 'Map of the business location'),
      ],
      fee: 50,
      feeNote: { th: 'ค่าธรรมเนียมจดทะเบียน 50 บาท', en: '50 baht registration fee' },
      targetWaitMinutes: 20,
    },
  ],
  counters: [
    { name: 'ช่องบริการ 1 งานจัดเก็บรายได้', number: 1, serviceCodes: ['A', 'F'] },
    { name: 'ช่องบริการ 2 งานควบคุมอาคาร', number: 2, serviceCodes: ['B', 'D'] },
    { name: 'ช่องบริการ 3 งานสวัสดิการสังคม', number: 3, serviceCodes: ['C', 'E'] },
    { name: 'ช่องบริการ 4 บริการทั่วไป', number: 4, serviceCodes: ['D', 'E', 'A', 'C'] },
  ],
};
