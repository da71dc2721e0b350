import type { LucideIcon } from 'lucide-react';
import MessageSquareIcon from 'lucide-react/icons/message-square';
import FlagIcon from 'lucide-react/icons/flag';
import CalendarCheckIcon from 'lucide-react/icons/calendar-check';
import CircleHelpIcon from 'lucide-react/icons/circle-help';
import PackageSearchIcon from 'lucide-react/icons/package-search';
import SplitIcon from 'lucide-react/icons/split';
import BookOpenIcon from 'lucide-react/icons/book-open';
import GitBranchIcon from 'lucide-react/icons/git-branch';
import ContactIcon from 'lucide-react/icons/contact';
import GlobeIcon from 'lucide-react/icons/globe';
import SparklesIcon from 'lucide-react/icons/sparkles';
import HeadsetIcon from 'lucide-react/icons/headset';
import VariableIcon from 'lucide-react/icons/variable';
import MessageCircleIcon from 'lucide-react/icons/message-circle';
import MailIcon from 'lucide-react/icons/mail';
import SendIcon from 'lucide-react/icons/send';
import PhoneIcon from 'lucide-react/icons/phone';
import SmartphoneIcon from 'lucide-react/icons/smartphone';
import InboxIcon from 'lucide-react/icons/inbox';
import BellIcon from 'lucide-react/icons/bell';
import MegaphoneIcon from 'lucide-react/icons/megaphone';
import AtSignIcon from 'lucide-react/icons/at-sign';
import LanguagesIcon from 'lucide-react/icons/languages';
import BotIcon from 'lucide-react/icons/bot';
import BrainIcon from 'lucide-react/icons/brain';
import CalendarIcon from 'lucide-react/icons/calendar';
import CalendarDaysIcon from 'lucide-react/icons/calendar-days';
import ClockIcon from 'lucide-react/icons/clock';
import TimerIcon from 'lucide-react/icons/timer';
import ShoppingCartIcon from 'lucide-react/icons/shopping-cart';
import ShoppingBagIcon from 'lucide-react/icons/shopping-bag';
import StoreIcon from 'lucide-react/icons/store';
import PackageIcon from 'lucide-react/icons/package';
import TruckIcon from 'lucide-react/icons/truck';
import CreditCardIcon from 'lucide-react/icons/credit-card';
import ReceiptIcon from 'lucide-react/icons/receipt';
import EuroIcon from 'lucide-react/icons/euro';
import WalletIcon from 'lucide-react/icons/wallet';
import CalculatorIcon from 'lucide-react/icons/calculator';
import PercentIcon from 'lucide-react/icons/percent';
import GiftIcon from 'lucide-react/icons/gift';
import TagIcon from 'lucide-react/icons/tag';
import TicketIcon from 'lucide-react/icons/ticket';
import DatabaseIcon from 'lucide-react/icons/database';
import ServerIcon from 'lucide-react/icons/server';
import CloudIcon from 'lucide-react/icons/cloud';
import WebhookIcon from 'lucide-react/icons/webhook';
import LinkIcon from 'lucide-react/icons/link';
import PlugIcon from 'lucide-react/icons/plug';
import WorkflowIcon from 'lucide-react/icons/workflow';
import CodeIcon from 'lucide-react/icons/code';
import BracesIcon from 'lucide-react/icons/braces';
import TableIcon from 'lucide-react/icons/table';
import SearchIcon from 'lucide-react/icons/search';
import ListIcon from 'lucide-react/icons/list';
import ClipboardListIcon from 'lucide-react/icons/clipboard-list';
import HashIcon from 'lucide-react/icons/hash';
import FileIcon from 'lucide-react/icons/file';
import FileTextIcon from 'lucide-react/icons/file-text';
import ImageIcon from 'lucide-react/icons/image';
import PaperclipIcon from 'lucide-react/icons/paperclip';
import FolderIcon from 'lucide-react/icons/folder';
import UploadIcon from 'lucide-react/icons/upload';
import DownloadIcon from 'lucide-react/icons/download';
import NewspaperIcon from 'lucide-react/icons/newspaper';
import UserIcon from 'lucide-react/icons/user';
import UsersIcon from 'lucide-react/icons/users';
import UserPlusIcon from 'lucide-react/icons/user-plus';
import UserCheckIcon from 'lucide-react/icons/user-check';
import BuildingIcon from 'lucide-react/icons/building';
import Building2Icon from 'lucide-react/icons/building-2';
import HouseIcon from 'lucide-react/icons/house';
import MapPinIcon from 'lucide-react/icons/map-pin';
import BriefcaseIcon from 'lucide-react/icons/briefcase';
import StethoscopeIcon from 'lucide-react/icons/stethoscope';
import ScaleIcon from 'lucide-react/icons/scale';
import GraduationCapIcon from 'lucide-react/icons/graduation-cap';
import UtensilsIcon from 'lucide-react/icons/utensils';
import CarIcon from 'lucide-react/icons/car';
import WrenchIcon from 'lucide-react/icons/wrench';
import HammerIcon from 'lucide-react/icons/hammer';
import SettingsIcon from 'lucide-react/icons/settings';
import ZapIcon from 'lucide-react/icons/zap';
import CheckIcon from 'lucide-react/icons/check';
import CircleCheckIcon from 'lucide-react/icons/circle-check';
import CircleXIcon from 'lucide-react/icons/circle-x';
import TriangleAlertIcon from 'lucide-react/icons/triangle-alert';
import InfoIcon from 'lucide-react/icons/info';
import LockIcon from 'lucide-react/icons/lock';
import KeyIcon from 'lucide-react/icons/key';
import ShieldIcon from 'lucide-react/icons/shield';
import ShieldCheckIcon from 'lucide-react/icons/shield-check';
import StarIcon from 'lucide-react/icons/star';
import HeartIcon from 'lucide-react/icons/heart';
import ThumbsUpIcon from 'lucide-react/icons/thumbs-up';
import RepeatIcon from 'lucide-react/icons/repeat';
import ShuffleIcon from 'lucide-react/icons/shuffle';
import PuzzleIcon from 'lucide-react/icons/puzzle';
import BoxIcon from 'lucide-react/icons/box';

/**
 * The lucide icons a node type may name in its `icon` field (core nodes and plugins). Each icon is imported on its
 * own, so only these end up in the bundle, not all of lucide. The list is documented in
 * docs/builder/flows-and-templates.md; a name not in it is drawn as {@link FALLBACK_NODE_ICON}.
 */
export const nodeIcons: Readonly<Record<string, LucideIcon>> = {
  // Used by the core nodes
  'message-square': MessageSquareIcon, flag: FlagIcon, 'calendar-check': CalendarCheckIcon,
  'circle-help': CircleHelpIcon, 'package-search': PackageSearchIcon, split: SplitIcon, 'book-open': BookOpenIcon,
  'git-branch': GitBranchIcon, contact: ContactIcon, globe: GlobeIcon, sparkles: SparklesIcon, headset: HeadsetIcon,
  variable: VariableIcon,
  // Conversation and contact
  'message-circle': MessageCircleIcon, mail: MailIcon, send: SendIcon, phone: PhoneIcon, smartphone: SmartphoneIcon,
  inbox: InboxIcon, bell: BellIcon, megaphone: MegaphoneIcon, 'at-sign': AtSignIcon, languages: LanguagesIcon,
  bot: BotIcon, brain: BrainIcon,
  // Appointments and time
  calendar: CalendarIcon, 'calendar-days': CalendarDaysIcon, clock: ClockIcon, timer: TimerIcon,
  // Shop and money
  'shopping-cart': ShoppingCartIcon, 'shopping-bag': ShoppingBagIcon, store: StoreIcon, package: PackageIcon,
  truck: TruckIcon, 'credit-card': CreditCardIcon, receipt: ReceiptIcon, euro: EuroIcon, wallet: WalletIcon,
  calculator: CalculatorIcon, percent: PercentIcon, gift: GiftIcon, tag: TagIcon, ticket: TicketIcon,
  // Data and integrations
  database: DatabaseIcon, server: ServerIcon, cloud: CloudIcon, webhook: WebhookIcon, link: LinkIcon, plug: PlugIcon,
  workflow: WorkflowIcon, code: CodeIcon, braces: BracesIcon, table: TableIcon, search: SearchIcon, list: ListIcon,
  'clipboard-list': ClipboardListIcon, hash: HashIcon,
  // Files
  file: FileIcon, 'file-text': FileTextIcon, image: ImageIcon, paperclip: PaperclipIcon, folder: FolderIcon,
  upload: UploadIcon, download: DownloadIcon, newspaper: NewspaperIcon,
  // People and places
  user: UserIcon, users: UsersIcon, 'user-plus': UserPlusIcon, 'user-check': UserCheckIcon, building: BuildingIcon,
  'building-2': Building2Icon, house: HouseIcon, 'map-pin': MapPinIcon, briefcase: BriefcaseIcon,
  // Trades and professions
  stethoscope: StethoscopeIcon, scale: ScaleIcon, 'graduation-cap': GraduationCapIcon, utensils: UtensilsIcon,
  car: CarIcon, wrench: WrenchIcon, hammer: HammerIcon, settings: SettingsIcon,
  // Status and logic
  zap: ZapIcon, check: CheckIcon, 'circle-check': CircleCheckIcon, 'circle-x': CircleXIcon,
  'triangle-alert': TriangleAlertIcon, info: InfoIcon, lock: LockIcon, key: KeyIcon, shield: ShieldIcon,
  'shield-check': ShieldCheckIcon, star: StarIcon, heart: HeartIcon, 'thumbs-up': ThumbsUpIcon, repeat: RepeatIcon,
  shuffle: ShuffleIcon,
  // Fallbacks
  puzzle: PuzzleIcon, box: BoxIcon,
};

/** Drawn for node types without an icon or with a name this builder does not carry. */
export const FALLBACK_NODE_ICON = 'puzzle';

/** The icon component for a catalogue `icon` name; unknown or missing names get the fallback. */
export function nodeIcon(name: string | undefined): LucideIcon {
  const known = name !== undefined && Object.hasOwn(nodeIcons, name) ? nodeIcons[name] : undefined;
  return known ?? nodeIcons[FALLBACK_NODE_ICON]!;
}

/** Whether `name` is one of the icons plugins can use. */
export function isKnownNodeIcon(name: string): boolean {
  return Object.hasOwn(nodeIcons, name);
}
